/* A tiny reader of the GPS position in a JPEG's EXIF, so that a photo taken in front of the
   building places the pin even offline. Reads only the GPS IFD; everything else is ignored.
   (The server reads EXIF again, and strips it, in the photo pipeline.) */
(function () {
  "use strict";

  function readGps(buffer) {
    var view = new DataView(buffer);
    if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) { return null; }
    var offset = 2;
    while (offset + 4 <= view.byteLength) {
      var marker = view.getUint16(offset);
      var size = view.getUint16(offset + 2);
      if (marker === 0xffe1 && view.getUint32(offset + 4) === 0x45786966) {
        return fromTiff(view, offset + 10);
      }
      if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) { return null; }
      offset += 2 + size;
    }
    return null;
  }

  function fromTiff(view, tiff) {
    var little = view.getUint16(tiff) === 0x4949;
    function u16(at) { return view.getUint16(at, little); }
    function u32(at) { return view.getUint32(at, little); }
    function entries(ifd) {
      var out = {};
      var count = u16(tiff + ifd);
      for (var i = 0; i < count; i++) {
        var at = tiff + ifd + 2 + i * 12;
        out[u16(at)] = { type: u16(at + 2), count: u32(at + 4), at: at + 8 };
      }
      return out;
    }
    function rationals(entry) {
      var base = tiff + u32(entry.at);
      var values = [];
      for (var i = 0; i < entry.count; i++) {
        var denominator = u32(base + i * 8 + 4);
        values.push(denominator ? u32(base + i * 8) / denominator : 0);
      }
      return values;
    }
    function ascii(entry) { return String.fromCharCode(view.getUint8(entry.at)); }
    try {
      var ifd0 = entries(u32(tiff + 4));
      if (!ifd0[0x8825]) { return null; }
      var gps = entries(u32(ifd0[0x8825].at));
      if (!gps[2] || !gps[4]) { return null; }
      var lat = rationals(gps[2]);
      var lon = rationals(gps[4]);
      var latitude = lat[0] + (lat[1] || 0) / 60 + (lat[2] || 0) / 3600;
      var longitude = lon[0] + (lon[1] || 0) / 60 + (lon[2] || 0) / 3600;
      if (gps[1] && ascii(gps[1]) === "S") { latitude = -latitude; }
      if (gps[3] && ascii(gps[3]) === "W") { longitude = -longitude; }
      if (!isFinite(latitude) || !isFinite(longitude) || (latitude === 0 && longitude === 0)) { return null; }
      return { lat: latitude, lon: longitude };
    } catch (error) {
      return null; // A damaged EXIF block: no position, not an error.
    }
  }

  window.SurveyExif = {
    gpsFromFile: function (file) {
      // The EXIF block sits in the first 128 kB of a JPEG.
      return file.slice(0, 131072).arrayBuffer().then(readGps).catch(function () { return null; });
    },
  };
})();

"""Texts of the survey app's script, translated on the server and handed over via json_script."""

from django.utils.translation import gettext as _

from mapping.geolocation import position_texts


def survey_texts() -> dict:
    return {
        "online": _("Online: surveys are sent at once."),
        "offline": _("Offline: surveys are kept on this phone and sent when the network returns."),
        "status_draft": _("Draft on this phone"),
        "status_queued": _("Waiting for the network"),
        "status_sent": _("Sent"),
        "status_error": _("Not accepted:"),
        "status_conflict": _("Not saved, someone else changed it meanwhile:"),
        "conflict_reopened": _(
            "These are your answers, kept on this phone. Someone else saved other answers "
            "meanwhile; when you send the survey, yours replace theirs."
        ),
        "unnamed": _("Unnamed place"),
        "resume": _("Continue"),
        "remove_local": _("Remove from this phone"),
        "confirm_remove": _("Remove this survey from the phone? It has not been sent."),
        "queue_empty": _("Nothing saved on this phone yet."),
        "near_offline": _(
            "Offline: the list of places needs the network. Create a new place or continue a draft."
        ),
        "near_loading": _("Looking for places near you…"),
        "near_count": _("%(count)s places nearby."),
        "near_failed": _("The places nearby could not be loaded."),
        "outside_area": _(
            "This position lies outside every municipality of this map. Check it: a photo taken "
            "elsewhere carries the place where it was taken."
        ),
        "pin": _("Position of the place; drag to move"),
        "position_from_pin": _("Position set from the pin on the map."),
        "position_from_gps": _("Position from the phone's GPS (accuracy about %(metres)s m)."),
        "position_from_photo": _("Position read from the photo's GPS data."),
        "photo_without_gps": _("The photo has no GPS position; use the GPS button or the map."),
        "position": position_texts(),
        "use_the_map_instead": _("Use the map or the fields below."),
        "address_nearest": _("Nearest address: %(label)s (%(metres)s m)"),
        "address_none": _("No official address within 30 m; write the address in if it has one."),
        "address_offline": _("Offline: no address is suggested; write it in if you know it."),
        "address_failed": _("No address could be suggested; write it in if you know it."),
        "address_used": _("Address filled in: %(label)s. Check it and correct it if needed."),
        "need_name": _("Give the place a name."),
        "need_position": _("Set the position: GPS, the map pin, or a photo with GPS."),
        "surveying": _("Survey: %(name)s"),
        "saved": _("Saved on this phone."),
        "category_offline": _("The category is computed when you are online."),
        "category_unknown": _("The category cannot be computed yet."),
        "profiles": {
            "wheelchair": _("Wheelchair"),
            "seniors": _("Seniors and reduced mobility"),
            "pram": _("Pram"),
        },
        "categories": {
            "accessible": _("accessible"),
            "partly": _("partly accessible"),
            "inaccessible": _("inaccessible"),
        },
        "why": _("Why:"),
        "not_enough": _("not enough measurements yet"),
        "still_to_measure": _("Still to measure (these decide the category)"),
        "warnings_title": _("Answers that contradict each other"),
        "warnings_count": _("Answers that contradict each other: %(count)s (see below)."),
        "fix_these": _("Please check these answers"),
        "step": _("Step %(n)s of %(total)s: %(name)s"),
        "add_item": _("Add: %(name)s"),
        "remove_item": _("Remove %(name)s"),
        "remove_section": _("Remove: %(name)s"),
        "error_number": _("Write a number, for example 85 or 7,5."),
        "error_whole": _("Write a whole number, for example 85."),
        "error_range": _("Write a number from %(min)s to %(max)s %(unit)s."),
        "required_field": _("%(label)s: this answer is required."),
        "required_here": _("This answer is required."),
        "no_items": _("None recorded. Add one if the place has it."),
        "required": _("required"),
        "yes": _("Yes"),
        "no": _("No"),
        "unknown": _("Don't know"),
        "choose": _("— choose —"),
        "alt_label": _("Photo %(n)s: what it shows, for people who cannot see it"),
        "subject_label": _("Photo %(n)s shows"),
        "remove_photo": _("Remove photo %(n)s"),
        "alt_missing": _("Photo %(n)s: describe what it shows."),
        "alt_missing_here": _(
            "Describe what the photo shows, for people who cannot see it (required)."
        ),
        "required_missing": _("Some required answers are missing."),
        "known_started": _(
            "The survey starts from the published survey of %(date)s: confirm what you measure "
            "again, correct what changed."
        ),
        "known_carried": _("From the survey of %(date)s, not measured again yet."),
        "known_confirmed": _("Confirmed: measured again, the same."),
        "known_changed": _("Changed (before: %(value)s)."),
        "known_confirm": _("Measured again, the same"),
        "known_confirm_all": _("Confirm every answer of this step as measured again"),
        "not_approved": _(
            "Your account waits for a coordinator's approval. The survey stays saved on this "
            "phone; submit it once you are approved."
        ),
        "submitted": _("Thank you! The survey was sent for review."),
        "queued": _(
            "The survey is queued on this phone and will be sent when the network returns."
        ),
    }

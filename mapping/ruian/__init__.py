"""Official Czech addresses (RÚIAN address points): reading ČÚZK's CSV, importing, looking up."""

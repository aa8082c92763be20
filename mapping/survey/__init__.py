"""The volunteer flow: accounts, the guided survey on a phone, the offline sync endpoint."""

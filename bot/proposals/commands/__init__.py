"""The proposal commands, by audience: proposing (proposers), reviewing and scheduling
(organisers), calls (calls for proposals)."""

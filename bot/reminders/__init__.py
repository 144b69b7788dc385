"""Reminders: the room and the people who asked are told before sessions, once, on time."""

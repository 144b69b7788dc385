"""Transports: thin adapters that carry messages between people and the command layer."""

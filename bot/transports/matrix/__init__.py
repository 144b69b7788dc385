"""The Matrix (Tchap) transport: matrix-nio client, sync loop, paced sending."""

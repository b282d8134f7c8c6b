"""What went out before: each edition recorded in a small SQLite file in the project folder."""

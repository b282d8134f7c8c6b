"""What an inbox shows of an email: the limits render aims for and `digest check` measures."""

from __future__ import annotations

# The preheader (preview text after the subject): inboxes show about 40-130 characters;
# shorter lets body text creep into the preview, longer is cut off.
PREHEADER_MIN, PREHEADER_MAX = 40, 130

KB = 1024
# Gmail shows "[Message clipped]" past about this much HTML (and may drop the head styles).
GMAIL_CLIP = 102 * KB

"""The session schema version, apart from the models.

The session list needs only this number (for its cache and the checksum line), and
``vbwizard list`` should not wait for pydantic to load the models.
"""

SCHEMA_VERSION = 2
"""The session schema this version of vbwizard writes (2: participants have ids)."""

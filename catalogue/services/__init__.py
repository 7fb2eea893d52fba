"""Write services used by the admin: keyword-only, typed, named ``<entity>_<action>``."""

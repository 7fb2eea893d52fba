"""Importing parsed pages into the catalogue: the only code that writes parsed data.

- ``sources.iter_pages``: pages from files, folders, archives and WARC/WET files;
- ``pages.page_import``: one page, whole or not at all (its own atomic block);
- ``pages.paths_import``: every page under files, folders and archives, in group commits;
- ``records.title_import``: one record into the catalogue;
- ``export.title_export``: a record back from the catalogue;
- ``reparse.sources_reparse``: stored pages through the current parser again.

See docs/importing.md.
"""

"""Pure core: fetching, archiving, parsing, extraction and publishing of district-government report data."""

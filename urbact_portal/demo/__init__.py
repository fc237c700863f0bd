"""Demo content for `manage.py load_demo_content`: the seed texts and verified facts
(`data.py`, `pages.py`), locally generated illustrations (`images.py`) and the loader
that builds them through `urbact_portal.factories` (`loader.py`)."""

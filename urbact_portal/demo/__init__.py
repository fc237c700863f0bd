"""Demo content for `manage.py load_demo_content`: the core's texts and the facts several apps
share (`texts.py`, `data.py`), locally generated illustrations (`images.py`), the loader
(`loader.py`) and how it asks every content app for its part (`parts.py`)."""

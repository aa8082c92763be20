"""The national MKPO assessment methodology: survey structure, rules table and engine.

Pure Python: nothing here imports Django or touches the database, so the survey, the review, the
importers, the exporters and the API all reuse it, and its tests run in milliseconds.
"""

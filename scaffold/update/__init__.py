"""``update``: regenerate a project without losing the user's edits (see workflow.py).

options.py records how a project was generated; snapshot.py keeps what was generated (the
merge base); merge.py decides file by file; workflow.py runs the whole update.
"""

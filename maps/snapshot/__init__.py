"""Snapshots of the current view: images, standalone HTML, data files and animations.

``python -m maps.snapshot --out FILE.png`` is the command line; :mod:`maps.snapshot.outputs`
makes every format from an events frame and a filter, for the CLI and the app's download buttons.
"""

"""collectors: pull public posts under campaign hashtags from each platform.

Each collector turns one platform's API into batches of storage.Post with a cursor to
resume from. Collectors write only through storage; they never import classifiers or alerts.
"""

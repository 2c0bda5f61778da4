"""alerts: detect pile-ons against each target's own baseline, notify, and write the digest.

The detector emits typed events; notifiers (Slack, webhook, email, console) subscribe to
them, so detection never imports a notifier.
"""

"""The signals of the ambassador programme; their receivers are in receivers.py."""

from django.dispatch import Signal


# Sent after an ambassador left the programme. Arguments: user, keep_spotlight (bool).
# The stories app unpublishes the spotlight when keep_spotlight is False.
ambassador_left = Signal()

# Sent while an account closes: deactivated, deleted or erased by its owner (see leaving.py).
# Arguments: user, keep_spotlight (bool). The stories app takes the spotlight offline when
# keep_spotlight is False; nothing else about the person is left for it to do.
account_closed = Signal()

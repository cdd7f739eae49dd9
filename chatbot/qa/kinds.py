"""The kinds a reply and its decision take, as StrEnums: one home, light to import (the chat
imports them before camel-tools is loaded). Their values are the JSON's strings."""

from enum import StrEnum

__all__ = ["Confidence", "ReplyKind", "Support"]


class ReplyKind(StrEnum):
    """What a reply is (the JSON ``kind``)."""

    ANSWER = "answer"
    NO_ANSWER = "no_answer"
    SMALLTALK = "smalltalk"


class Confidence(StrEnum):
    """How far a passage can be trusted to answer (shown beside it)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Support(StrEnum):
    """The decision on the answer's evidence: decline, answer with a caution, or answer."""

    NONE = "none"
    UNSURE = "unsure"
    SURE = "sure"

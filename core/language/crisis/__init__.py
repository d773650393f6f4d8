"""Crisis detection: whether a message shows the writer's own suicidal risk, someone else's,
or neither. Organised by the constructs of the Columbia scale (C-SSRS) plus hopelessness,
burden and unbearable pain; tolerant of typos and texting; tells work talk, training and
reports apart from a person's own words. See `detector.CrisisDetector`."""

from core.language.crisis.detector import CrisisDetector
from core.language.crisis.reading import Assessment, Concern
from core.language.crisis.scorer import Scorer

__all__ = ["Assessment", "Concern", "CrisisDetector", "Scorer"]

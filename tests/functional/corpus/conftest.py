import sys
from pathlib import Path

# The generated-file helpers live with the fixtures, shared by unit and functional tests.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fixtures"))

"""`python -m vrn_core`: the core commands without the assistant."""

import sys

from vrn_core.cli import main

sys.exit(main())

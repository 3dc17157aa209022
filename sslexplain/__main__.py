"""``python -m sslexplain`` is the ``sslexplain`` command."""

import sys

from ._cli import main

sys.exit(main())

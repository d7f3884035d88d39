from .run.cli import main
import sys

sys.exit(main())

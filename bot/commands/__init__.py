"""One module per `mot-coach` sub-command; bot.cli wires them to the parser."""

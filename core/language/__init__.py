"""Reading what officers type: text normalisation, synonyms, search, crisis detection, commands."""

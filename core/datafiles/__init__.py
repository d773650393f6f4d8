"""The YAML files: loading with line numbers, validation problems, the agency file, the catalog."""

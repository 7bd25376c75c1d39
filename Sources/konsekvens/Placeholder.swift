let konsekvensVersionPlaceholder = "{version}"

"""The operator's console: Faust web views over what this worker (and, through a table, the cluster) saw."""

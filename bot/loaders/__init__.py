"""Loading programmes: every file format into one `Programme`, and nothing lost silently.

- `files`: each file read by the format that recognises it, and `load_paths`, files and
  folders into one programme;
- `inputs`: which files a programme is read from; `combine`: their readings made one;
- `worker`: the same, each file read in a process of its own within a budget of time and
  memory (what the bot does);
- `page`, `yaml_programme`, `when`, `talks`: the readers and their grammars.

Nothing is imported here: a module that needs only the dates grammar (`when`) or the
worker's side in the bot's process does not import every reader.
"""

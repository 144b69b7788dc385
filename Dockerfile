# bluehats-bot in a container.
#   docker build -t bluehats-bot .
#   docker run -v bluehats:/var/lib/bluehats -v ./config.yaml:/etc/bluehats/config.yaml:ro \
#     -e BLUEHATS_MATRIX_TOKEN=... bluehats-bot
# The configuration should set storage.database to /var/lib/bluehats/bluehats.db so the
# database (sync state, device keys, reminders, proposals) outlives the container.
FROM python:3.11-slim

RUN useradd --system --create-home --home-dir /var/lib/bluehats bluehats
WORKDIR /app

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY data ./data
# Editable, so the bot finds the programmes shipped in /app/data by default.
RUN pip install --no-cache-dir -e '.[e2e]'

USER bluehats
VOLUME ["/var/lib/bluehats"]
ENTRYPOINT ["bluehats-bot"]
CMD ["run", "--config", "/etc/bluehats/config.yaml"]

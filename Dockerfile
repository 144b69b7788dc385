# bluehats-bot in a container (docs/operators.md, "Docker"):
#   docker build -t bluehats-bot .
#   docker run -d --name bluehats -v bluehats:/var/lib/bluehats \
#     -v ./config.yaml:/etc/bluehats/config.yaml:ro -e BLUEHATS_MATRIX_TOKEN=... bluehats-bot
# The install steps are scripts/install.sh, which tests/container/ runs in a fresh
# virtualenv: what this image installs is what the test suite checked.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
RUN useradd --system --create-home --home-dir /var/lib/bluehats bluehats

# 1. The dependencies alone, at the tested versions: this layer is rebuilt only when
#    pyproject.toml or constraints.txt change, not at every change of the code.
WORKDIR /src
COPY pyproject.toml constraints.txt scripts/install.sh ./
RUN sh install.sh dependencies

# 2. The bot, a regular (not editable) install; its programmes come as package data.
COPY README.md ./
COPY bot ./bot
RUN sh install.sh bot && cd / && rm -rf /src

# The database (and crypto/, cross-signing.key next to it) in the volume, unless the
# configuration names another file; the listener for the health check, /metrics and the
# calendar feeds on port 8080 (publish it with -p to reach them from outside).
ENV BLUEHATS_DATABASE=/var/lib/bluehats/bluehats.db \
    BLUEHATS_WEB_LISTEN=0.0.0.0:8080
EXPOSE 8080
USER bluehats
WORKDIR /var/lib/bluehats
VOLUME ["/var/lib/bluehats"]
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 \
    CMD ["bluehats-bot", "health", "--config", "/etc/bluehats/config.yaml"]
ENTRYPOINT ["bluehats-bot"]
CMD ["run", "--config", "/etc/bluehats/config.yaml"]

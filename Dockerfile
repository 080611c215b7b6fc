FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    MOT_DATABASE_URL=sqlite:////data/mot-coach.db

RUN useradd --create-home --uid 10001 mot \
    && mkdir -p /data && chown mot:mot /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY playbooks ./playbooks
COPY prompts ./prompts
COPY examples ./examples
RUN pip install . && rm -rf /app/build

USER mot
WORKDIR /data
EXPOSE 3000

HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=2).status == 200 else 1)"]

CMD ["mot-coach", "serve", "--host", "0.0.0.0", "--port", "3000"]

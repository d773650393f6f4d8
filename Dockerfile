# WellCheck server image. Build: docker build -t wellcheck .
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY core ./core
COPY adapters ./adapters
COPY bots ./bots
COPY data ./data
RUN pip install --no-cache-dir --require-hashes -r requirements.lock \
    && pip install --no-cache-dir --no-deps . && useradd --system --uid 10001 wellcheck && mkdir -p /app/var && chown wellcheck /app/var
USER wellcheck
ENV WELLCHECK_DATA_DIR=/app/data
EXPOSE 3978
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:3978/healthz', timeout=3)"
CMD ["wellcheck", "serve", "--host", "0.0.0.0", "--port", "3978"]

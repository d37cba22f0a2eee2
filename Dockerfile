# The newsstream worker image (used by docker-compose.yml). The same package `make run` installs.
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md requirements.lock ./
COPY streams ./streams
COPY schemas ./schemas
COPY samples ./samples
# streams/schemas is a symlink to ../schemas in the repository: make it a real folder for the wheel.
RUN rm -f streams/schemas && cp -r schemas streams/schemas && pip install --no-cache-dir -c requirements.lock .
ENV NEWSSTREAM_WEB_BIND=0.0.0.0
# the worker's RocksDB tables (NEWSSTREAM_STORE=rocksdb): mount a volume here to keep them across containers
ENV NEWSSTREAM_DATA_DIR=/var/lib/newsstream
EXPOSE 6066
ENTRYPOINT ["newsstream"]
CMD ["worker", "-l", "info"]

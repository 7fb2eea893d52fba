# The site with gunicorn and whitenoise, as README.md's "Production" runs it.
# docker compose up (compose.yaml) runs it with PostgreSQL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

# requirements.lock: requirements.txt's pins and every indirect dependency, with hashes.
COPY requirements.txt requirements.lock ./
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY . .
# The static files are built into the image; the key is only for this one command.
RUN DEBUG=0 SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

RUN useradd --create-home catalogue
USER catalogue
EXPOSE 8000
# Migrations first (a no-op when there are none), then gunicorn.
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn config.wsgi --workers 2 --bind 0.0.0.0:8000"]

# One replica of the Bình Dương plan explorer. Build: docker build -t binh-duong-explorer .
# Several replicas behind nginx: see "Deploying several replicas" in README.md and deploy/.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A user without a login or a home to write to; the app only reads its files.
RUN useradd --system --uid 10001 --create-home --home-dir /home/app app

WORKDIR /app
# Dependencies first, so a change to the app does not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=root:root . .
USER app

EXPOSE 8501
# Replicas behind one address must share this secret: pass
#   -e STREAMLIT_SERVER_COOKIE_SECRET=... -e STREAMLIT_SERVER_ALLOWED_HOSTS=plan.example.vn
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4).status == 200 else 1)"]

CMD ["streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true", "--server.fileWatcherType", "none"]

"""Security settings from the environment reach every Kafka client, and the password never shows."""

from __future__ import annotations

import ssl

import faust
import pytest

from streams.kafka_clients import aiokafka_options, faust_credentials
from streams.settings import load_settings

PASSWORD = "pa55-not-for-logs"


def settings_from(monkeypatch: pytest.MonkeyPatch, **env: str):
    for name in ("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD",
                 "KAFKA_SSL_CAFILE", "KAFKA_SSL_CERTFILE", "KAFKA_SSL_KEYFILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return load_settings()


def test_plaintext_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = settings_from(monkeypatch, KAFKA_BOOTSTRAP="b1:9092,b2:9092")
    options = aiokafka_options(cfg)
    assert options == {"bootstrap_servers": ["b1:9092", "b2:9092"], "security_protocol": "PLAINTEXT"}
    assert faust_credentials(cfg.security) is None


@pytest.mark.parametrize("mechanism", ["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"])
def test_sasl_ssl_reaches_aiokafka_and_faust(monkeypatch: pytest.MonkeyPatch, mechanism: str) -> None:
    cfg = settings_from(monkeypatch, KAFKA_SECURITY_PROTOCOL="sasl_ssl", KAFKA_SASL_MECHANISM=mechanism,
                        KAFKA_SASL_USERNAME="svc", KAFKA_SASL_PASSWORD=PASSWORD)
    options = aiokafka_options(cfg)
    assert options["security_protocol"] == "SASL_SSL"
    assert options["sasl_mechanism"] == mechanism
    assert options["sasl_plain_username"] == "svc" and options["sasl_plain_password"] == PASSWORD
    assert isinstance(options["ssl_context"], ssl.SSLContext)
    assert options["ssl_context"].verify_mode == ssl.CERT_REQUIRED and options["ssl_context"].check_hostname
    credentials = faust_credentials(cfg.security)
    assert isinstance(credentials, faust.SASLCredentials)
    assert credentials.mechanism.value == mechanism and credentials.ssl_context is not None
    assert PASSWORD not in repr(credentials)


def test_sasl_plaintext_has_no_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = settings_from(monkeypatch, KAFKA_SECURITY_PROTOCOL="SASL_PLAINTEXT", KAFKA_SASL_USERNAME="svc",
                        KAFKA_SASL_PASSWORD=PASSWORD)
    options = aiokafka_options(cfg)
    assert options["sasl_mechanism"] == "PLAIN" and "ssl_context" not in options
    assert faust_credentials(cfg.security).ssl_context is None


def test_ssl_only(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = settings_from(monkeypatch, KAFKA_SECURITY_PROTOCOL="SSL")
    options = aiokafka_options(cfg)
    assert options["security_protocol"] == "SSL" and "sasl_mechanism" not in options
    assert isinstance(faust_credentials(cfg.security), faust.SSLCredentials)


def test_password_is_not_in_the_settings_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = settings_from(monkeypatch, KAFKA_SECURITY_PROTOCOL="SASL_SSL", KAFKA_SASL_PASSWORD=PASSWORD)
    assert PASSWORD not in repr(cfg) and PASSWORD not in str(cfg) and PASSWORD not in repr(cfg.security)

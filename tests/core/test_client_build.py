"""build_client against the fake API over loopback: which token is used, when one is fetched, where it is saved."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pan123_gui.core.client import build_client
from pan123_gui.core.credentials import Credentials, SecretStore
from pan123_gui.core.errors import CredentialsError
from pan123_gui.demo.fake_api import FakeApiServer
from pan123_gui.demo.samples import VIDEO_ID


@pytest.mark.parametrize(
    "creds",
    [
        Credentials(),
        Credentials(sign_key="only-a-sign-key"),
        Credentials(client_id="id-without-secret"),
        Credentials(client_secret="secret-without-id"),
    ],
)
def test_without_token_or_client_credentials_it_refuses(creds: Credentials) -> None:
    with pytest.raises(CredentialsError) as info:
        build_client(creds, base_url="http://127.0.0.1:9")
    assert "secret-without-id" not in str(info.value) and "only-a-sign-key" not in str(info.value)


def test_client_credentials_fetch_one_token_and_save_it_in_the_keyring(
    fake_api: FakeApiServer, memory_keyring: object
) -> None:
    store = SecretStore.open()
    assert store.persistent  # the in-memory test keyring stands in for the OS keyring
    creds = Credentials(client_id=fake_api.client_id, client_secret=fake_api.client_secret)
    store.save(creds)  # what the credentials dialog does; no token yet
    with build_client(creds, store=store, base_url=fake_api.base_url) as client:
        for _ in range(3):
            assert client.direct_link_url(VIDEO_ID) == fake_api.expected_url(VIDEO_ID)
        assert client.uid() == fake_api.uid
    assert fake_api.tokens_issued == 1
    saved = store.load(env={}).access_token
    assert saved is not None
    assert saved.expires_at - saved.expires_at.now(saved.expires_at.tzinfo) > timedelta(days=29)
    # the next run (a new client built from what was stored) reuses the saved token: no new login
    with build_client(store.load(env={}), store=store, base_url=fake_api.base_url) as again:
        assert again.direct_link_url(VIDEO_ID)
    assert fake_api.tokens_issued == 1


def test_pasted_token_is_used_as_is(fake_api: FakeApiServer) -> None:
    token = fake_api.issue_token()
    with build_client(Credentials(access_token=token), base_url=fake_api.base_url) as client:
        assert client.direct_link_url(VIDEO_ID) == fake_api.expected_url(VIDEO_ID)
        assert not client.tokens.can_refresh
    assert fake_api.tokens_issued == 1
    assert fake_api.calls("access_token") == 0


def test_expired_stored_token_is_replaced_before_use_and_saved(fake_api: FakeApiServer) -> None:
    store = SecretStore.memory()
    expired = fake_api.issue_token(ttl=timedelta(seconds=-1))
    creds = Credentials(access_token=expired, client_id=fake_api.client_id, client_secret=fake_api.client_secret)
    store.save(creds)
    with build_client(creds, store=store, base_url=fake_api.base_url) as client:
        assert client.direct_link_url(VIDEO_ID)
    assert 401 not in fake_api.codes("direct-link/url")
    saved = store.load(env={}).access_token
    assert saved is not None and saved.value != expired.value


def test_base_url_from_the_environment_and_rate(fake_api: FakeApiServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAN123_API_BASE", fake_api.base_url + "/")
    token = fake_api.issue_token()
    with build_client(Credentials(access_token=token), rate=2.5) as client:
        assert client.rate == pytest.approx(2.5)
        assert client.direct_link_url(VIDEO_ID) == fake_api.expected_url(VIDEO_ID)


def test_reprs_hold_no_secrets(fake_api: FakeApiServer) -> None:
    token = fake_api.issue_token()
    creds = Credentials(access_token=token, client_id=fake_api.client_id, client_secret=fake_api.client_secret)
    with build_client(creds, base_url=fake_api.base_url) as client:
        text = repr(client) + repr(client.tokens)
    assert token.value not in text and fake_api.client_secret not in text

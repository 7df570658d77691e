//! A transport whose concrete type is erased, so the UI holds one client type whether the data
//! comes from Azure (fetch + MSAL) or from the demo cluster. `Transport` uses `async fn`, which
//! is not object safe; this adapter boxes each future once per request, which costs nothing
//! next to a network round trip.

use super::{ArmRequest, ArmResponse, Transport, TransportError};
use futures::future::LocalBoxFuture;
use std::rc::Rc;
use std::time::Duration;

trait Erased {
    fn send<'a>(
        &'a self,
        request: &'a ArmRequest,
    ) -> LocalBoxFuture<'a, Result<ArmResponse, TransportError>>;
    fn sleep(&self, duration: Duration) -> LocalBoxFuture<'_, ()>;
    fn jitter(&self) -> f64;
    fn refresh_credentials(&self) -> LocalBoxFuture<'_, bool>;
    fn sign_in_required(&self);
}

impl<T: Transport> Erased for T {
    fn send<'a>(
        &'a self,
        request: &'a ArmRequest,
    ) -> LocalBoxFuture<'a, Result<ArmResponse, TransportError>> {
        Box::pin(Transport::send(self, request))
    }
    fn sleep(&self, duration: Duration) -> LocalBoxFuture<'_, ()> {
        Box::pin(Transport::sleep(self, duration))
    }
    fn jitter(&self) -> f64 {
        Transport::jitter(self)
    }
    fn refresh_credentials(&self) -> LocalBoxFuture<'_, bool> {
        Box::pin(Transport::refresh_credentials(self))
    }
    fn sign_in_required(&self) {
        Transport::sign_in_required(self)
    }
}

/// Any [`Transport`], shared by reference count (cloning shares the same transport).
#[derive(Clone)]
pub struct AnyTransport(Rc<dyn Erased>);

impl AnyTransport {
    /// Erases `transport`'s type.
    pub fn new(transport: impl Transport + 'static) -> AnyTransport {
        AnyTransport(Rc::new(transport))
    }
}

impl std::fmt::Debug for AnyTransport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnyTransport")
    }
}

impl Transport for AnyTransport {
    async fn send(&self, request: &ArmRequest) -> Result<ArmResponse, TransportError> {
        self.0.send(request).await
    }
    async fn sleep(&self, duration: Duration) {
        self.0.sleep(duration).await
    }
    fn jitter(&self) -> f64 {
        self.0.jitter()
    }
    async fn refresh_credentials(&self) -> bool {
        self.0.refresh_credentials().await
    }
    fn sign_in_required(&self) {
        self.0.sign_in_required()
    }
}

//! The typed ARM and Resource Graph client: wire models, URL builders, paging, retry and
//! `CloudError` decoding. All I/O goes through [`transport::Transport`], so the same code talks to
//! Azure (browser fetch) and to the in-browser demo cluster, and runs natively against fakes.

pub mod actions;
pub mod client;
pub mod endpoints;
pub mod error;
pub mod fleet;
pub mod graph;
pub mod models;
pub mod policy_assignments;
pub mod queries;
pub mod resource_id;
pub mod retry;
pub mod surrogates;
pub mod transport;

pub use client::ArmClient;
pub use error::ArmError;
pub use resource_id::ClusterId;
pub use retry::RetryPolicy;
pub use transport::{ArmRequest, ArmResponse, Method, Transport, TransportError};

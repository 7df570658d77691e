//! Mount point only: everything lives in the library.

fn main() {
    aks_security_dashboard::browser::crash::install();
    leptos::mount::mount_to_body(aks_security_dashboard::App);
}

//! Generates the parser from grammar/numpyx.lalrpop.
fn main() {
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(std::env::var("OUT_DIR").expect("OUT_DIR"))
        .process()
        .expect("lalrpop failed");
    println!("cargo:rerun-if-changed=grammar/numpyx.lalrpop");
}

pub mod expand;
pub mod ignore;

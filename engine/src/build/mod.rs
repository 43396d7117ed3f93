pub mod context;
pub mod expand;
pub mod ignore;

//! Hashing a serialisable value without writing it out: the fingerprint of a page context.
//!
//! Every value a template gets is `Serialize`; feeding its JSON to a hasher formatted every
//! number and escaped every string, half the cost of fingerprinting a page. This serializer
//! lays the values themselves end to end, each after a tag of its kind, strings after their
//! length, compounds closed by an end tag, and the hasher takes the bytes at once: two values
//! hash alike only when their serialised forms (JSON included) are alike.

use std::hash::Hasher;

use serde::ser::{self, Serialize};

/// Feeds `value` to `hasher`.
pub(crate) fn hash_value<T: Serialize + ?Sized, H: Hasher>(value: &T, hasher: &mut H) {
    let mut bytes = ValueBytes(Vec::with_capacity(256));
    let Ok(()) = value.serialize(&mut bytes);
    hasher.write(&bytes.0);
}

/// A serializer laying values out as bytes to hash: a hasher takes one long write much
/// faster than many small ones.
struct ValueBytes(Vec<u8>);

/// Never made: hashing cannot fail.
#[derive(Debug)]
enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: std::fmt::Display>(message: T) -> Self {
        // Our views serialise plain data; a failing Serialize impl is a bug.
        panic!("a page context value failed to serialise: {message}")
    }
}

/// The tag written before each kind of value, so that a string and a number, or a missing
/// value and an empty one, never feed the same bytes.
#[repr(u8)]
enum Tag {
    Bool,
    Int,
    Uint,
    Float,
    Char,
    Str,
    Bytes,
    None,
    Some,
    Unit,
    Variant,
    Seq,
    Map,
    Struct,
    End,
}

impl ValueBytes {
    fn tag(&mut self, tag: Tag) {
        self.0.push(tag as u8);
    }

    fn str(&mut self, text: &str) {
        self.0.extend_from_slice(&text.len().to_le_bytes());
        self.0.extend_from_slice(text.as_bytes());
    }
}

macro_rules! hash_numbers {
    ($($method:ident: $type:ty => $tag:ident as $wide:ty;)*) => {$(
        fn $method(self, value: $type) -> Result<(), Never> {
            self.tag(Tag::$tag);
            self.0.extend_from_slice(&<$wide>::from(value).to_le_bytes());
            Ok(())
        }
    )*};
}

impl ser::Serializer for &mut ValueBytes {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    hash_numbers! {
        serialize_i8: i8 => Int as i64;
        serialize_i16: i16 => Int as i64;
        serialize_i32: i32 => Int as i64;
        serialize_i64: i64 => Int as i64;
        serialize_i128: i128 => Int as i128;
        serialize_u8: u8 => Uint as u64;
        serialize_u16: u16 => Uint as u64;
        serialize_u32: u32 => Uint as u64;
        serialize_u64: u64 => Uint as u64;
        serialize_u128: u128 => Uint as u128;
    }

    fn serialize_bool(self, value: bool) -> Result<(), Never> {
        self.tag(Tag::Bool);
        self.0.push(u8::from(value));
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<(), Never> {
        self.serialize_f64(f64::from(value))
    }

    fn serialize_f64(self, value: f64) -> Result<(), Never> {
        self.tag(Tag::Float);
        self.0.extend_from_slice(&value.to_bits().to_le_bytes());
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Never> {
        self.tag(Tag::Char);
        self.0.extend_from_slice(&u32::from(value).to_le_bytes());
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), Never> {
        self.tag(Tag::Str);
        self.str(value);
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Never> {
        self.tag(Tag::Bytes);
        self.0.extend_from_slice(&value.len().to_le_bytes());
        self.0.extend_from_slice(value);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Never> {
        self.tag(Tag::None);
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Never> {
        self.tag(Tag::Some);
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Never> {
        self.tag(Tag::Unit);
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Never> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Never> {
        self.tag(Tag::Variant);
        self.str(variant);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Never> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Never> {
        self.tag(Tag::Variant);
        self.str(variant);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Never> {
        // Closed by an end tag rather than led by a length, which may be unknown.
        self.tag(Tag::Seq);
        Ok(self)
    }

    fn serialize_tuple(self, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, Never> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, Never> {
        self.tag(Tag::Variant);
        self.str(variant);
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Never> {
        self.tag(Tag::Map);
        Ok(self)
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Never> {
        self.tag(Tag::Struct);
        Ok(self)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self, Never> {
        self.tag(Tag::Variant);
        self.str(variant);
        self.serialize_struct("", 0)
    }
}

/// Elements, map entries and fields follow each other; an end tag closes them.
macro_rules! compound {
    ($trait:ident, $method:ident $(, $key:ident)?) => {
        impl ser::$trait for &mut ValueBytes {
            type Ok = ();
            type Error = Never;

            fn $method<T: Serialize + ?Sized>(&mut self, $($key: &'static str,)? value: &T) -> Result<(), Never> {
                $(self.str($key);)?
                value.serialize(&mut **self)
            }

            fn end(self) -> Result<(), Never> {
                self.tag(Tag::End);
                Ok(())
            }
        }
    };
}

compound!(SerializeSeq, serialize_element);
compound!(SerializeTuple, serialize_element);
compound!(SerializeTupleStruct, serialize_field);
compound!(SerializeTupleVariant, serialize_field);
compound!(SerializeStruct, serialize_field, key);
compound!(SerializeStructVariant, serialize_field, key);

impl ser::SerializeMap for &mut ValueBytes {
    type Ok = ();
    type Error = Never;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Never> {
        key.serialize(&mut **self)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Never> {
        value.serialize(&mut **self)
    }

    fn end(self) -> Result<(), Never> {
        self.tag(Tag::End);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use serde::Serialize;

    use super::*;

    fn hash<T: Serialize>(value: &T) -> u64 {
        let mut hasher = foldhash::quality::FixedState::with_seed(0).build_hasher();
        hash_value(value, &mut hasher);
        hasher.finish()
    }

    #[derive(Serialize)]
    struct View<'a> {
        title: &'a str,
        count: usize,
        href: Option<String>,
        items: Vec<&'a str>,
    }

    #[test]
    fn values_that_serialise_differently_hash_differently() {
        let base = View { title: "Kerry", count: 2, href: None, items: vec!["a", "bc"] };
        let variants = [
            View { title: "Kerry ", ..View { title: "", count: 2, href: None, items: vec!["a", "bc"] } },
            View { count: 3, ..View { title: "Kerry", count: 0, href: None, items: vec!["a", "bc"] } },
            View { title: "Kerry", count: 2, href: Some(String::new()), items: vec!["a", "bc"] },
            View { title: "Kerry", count: 2, href: None, items: vec!["ab", "c"] },
            View { title: "Kerry", count: 2, href: None, items: vec!["a", "bc", ""] },
            View { title: "Kerry", count: 2, href: None, items: vec!["abc"] },
        ];
        for variant in &variants {
            assert_ne!(hash(&base), hash(variant));
        }
        assert_eq!(hash(&base), hash(&View { title: "Kerry", count: 2, href: None, items: vec!["a", "bc"] }));
        // The same text as a string and as a number, or nested differently, differs too.
        assert_ne!(hash(&"2"), hash(&2u32));
        assert_ne!(hash(&vec![vec![1u8], vec![]]), hash(&vec![vec![], vec![1u8]]));
        assert_ne!(hash(&(1u8, 2u8)), hash(&vec![1u8, 2u8, 0u8]));
    }
}

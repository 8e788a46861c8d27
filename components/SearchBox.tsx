"use client";
/**
 * The search box: a GET form to /search (works without JavaScript); with
 * JavaScript it navigates client-side and "/" focuses it from anywhere.
 */
import Form from "next/form";
import { useEffect, useRef } from "react";

export function SearchBox({ defaultValue = "", id = "q" }: { defaultValue?: string; id?: string }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      e.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <Form action="/search" role="search" className="search-box">
      <label htmlFor={id} className="visually-hidden">
        检索条款
      </label>
      <input ref={input} id={id} name="q" type="search" defaultValue={defaultValue} placeholder="检索条款，如：降成本、电力直接交易" autoComplete="off" maxLength={200} />
      <button type="submit">检索</button>
    </Form>
  );
}

import type { Metadata } from "next";
import { UploadForm } from "@/components/UploadForm";
import { MAX_UPLOAD_BYTES, uploadsEnabled } from "@/lib/site/admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "上传文件" };

export default function AdminPage() {
  return (
    <>
      <h1>上传文件</h1>
      {uploadsEnabled() ? (
        <UploadForm />
      ) : (
        <p className="notice" role="status">
          上传已停用：服务器没有配置管理令牌（环境变量 ADMIN_TOKEN）。设置 ADMIN_TOKEN 并重启服务后即可上传（单个文件不超过 {MAX_UPLOAD_BYTES / 1048576} MB）。
        </p>
      )}
    </>
  );
}

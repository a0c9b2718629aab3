import type { OutboxPhoto } from "../outbox/db";

/** A proof photo as the outbox keeps it until its upload is acknowledged. */
export type Photo = Pick<OutboxPhoto, "bytes" | "contentType" | "takenAt">;

const maxSide = 1600;

/** The camera's picture made small for mobile data: at most 1600 px on its long side, JPEG, the camera's orientation applied. */
export async function downscale(file: Blob, takenAt: Date): Promise<Photo> {
  const image = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(image.width * scale));
  canvas.height = Math.max(1, Math.round(image.height * scale));
  canvas.getContext("2d")!.drawImage(image, 0, 0, canvas.width, canvas.height);
  image.close();
  const blob = await new Promise<Blob>((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error("JPEG encoding failed"))), "image/jpeg", 0.8));
  return { bytes: await blob.arrayBuffer(), contentType: "image/jpeg", takenAt: takenAt.toISOString() };
}
